package pl.gielda.matching.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Approximate coordinates of the county's towns and villages ({@code /matching/towns.txt}), so that
 * "another town" can be graded by distance: a neighbouring village is close, a town 20 km away is
 * not. Names are compared diacritic-folded and lower-cased, so "Milobadz" finds "Miłobądz".
 */
final class Gazetteer {

  /** Latitude and longitude in degrees. */
  record Place(double lat, double lon) {
    /** Distance in kilometres (equirectangular approximation, fine at county scale). */
    double km(Place o) {
      double dy = (lat - o.lat) * 111.2;
      double dx = (lon - o.lon) * 111.2 * Math.cos(Math.toRadians((lat + o.lat) / 2));
      return Math.sqrt(dx * dx + dy * dy);
    }
  }

  private static final Gazetteer INSTANCE = load();

  private final Map<String, Place> places = new HashMap<>();

  /** The names as written in the file, in file order. */
  private final List<String> names = new ArrayList<>();

  static Gazetteer get() {
    return INSTANCE;
  }

  private static Gazetteer load() {
    Gazetteer g = new Gazetteer();
    try (InputStream in = Gazetteer.class.getResourceAsStream("/matching/towns.txt")) {
      if (in == null) {
        return g;
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split(";");
        if (f.length != 3) {
          throw new IllegalArgumentException("bad town line: " + line);
        }
        g.names.add(f[0].strip());
        g.places.put(
            key(f[0]), new Place(Double.parseDouble(f[1].trim()), Double.parseDouble(f[2].trim())));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return g;
  }

  static String key(String town) {
    return PolishTextAnalyzer.fold(town).replaceAll("[^a-z0-9]+", " ").trim();
  }

  /** The towns' names as written ("Starogard Gdański"), in file order. */
  List<String> names() {
    return List.copyOf(names);
  }

  /** The place of a town as typed in a post's town field, or null if unknown. */
  Place find(String town) {
    if (town == null || town.isBlank()) {
      return null;
    }
    return places.get(key(town));
  }
}
