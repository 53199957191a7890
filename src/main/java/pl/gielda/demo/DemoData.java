package pl.gielda.demo;

/** Entities and people of the demo fair, after the Tczew "Trzy Filary" project. */
final class DemoData {

  private DemoData() {}

  /** name, sector, town, contact, person, role */
  static final String[][] ENTITIES = {
    {
      "Fundacja Aktywny Senior",
      "NGO",
      "Tczew",
      "senior@example.org",
      "Halina Wiśniewska",
      "participant"
    },
    {
      "Starostwo Powiatowe w Tczewie",
      "PUBLIC",
      "Tczew",
      "promocja@example.gov.pl",
      "Marek Zieliński",
      "notary"
    },
    {
      "Bank Spółdzielczy w Pelplinie",
      "BUSINESS",
      "Pelplin",
      "bank@example.pl",
      "Katarzyna Nowak",
      "participant"
    },
    {
      "Stowarzyszenie Kociewskie Forum",
      "NGO",
      "Tczew",
      "forum@example.org",
      "Beata Lis",
      "participant"
    },
    {
      "Centrum Organizacji Pozarządowych w Tczewie",
      "NGO",
      "Tczew",
      "cop@example.org",
      "Tomasz Lewandowski",
      "animator"
    },
    {
      "Biblioteka Publiczna Gminy Pelplin",
      "PUBLIC",
      "Pelplin",
      "biblioteka@example.pl",
      "Anna Kowalczyk",
      "participant"
    },
    {
      "ByteKociewie sp. z o.o.", "BUSINESS", "Tczew", "it@example.pl", "Paweł Wójcik", "participant"
    },
    {
      "Koło Gospodyń Wiejskich w Rokitkach",
      "NGO",
      "Rokitki",
      "kgw@example.pl",
      "Grażyna Kamińska",
      "participant"
    },
    {
      "Mamy z Morzeszczyna",
      "INFORMAL_GROUP",
      "Morzeszczyn",
      "mamy@example.pl",
      "Joanna Dąbrowska",
      "participant"
    },
    {"Piekarnia Kłos", "BUSINESS", "Gniew", "klos@example.pl", "Zbigniew Kłos", "participant"},
    {"OSP Miłobądz", "NGO", "Miłobądz", "osp@example.pl", "Krzysztof Szymański", "participant"},
    {
      "Szkoła Podstawowa w Subkowach",
      "PUBLIC",
      "Subkowy",
      "sp@example.pl",
      "Ewa Woźniak",
      "participant"
    },
    {"Jan Kowalski (mieszkaniec)", "INDIVIDUAL", "Tczew", "", "Jan Kowalski", "participant"},
  };
}
