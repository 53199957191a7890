package pl.gielda.common.launch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** Started as a separate JVM by a test: runs an embedded PostgreSQL with one row until killed. */
public final class HoldEmbeddedDatabase {

  private HoldEmbeddedDatabase() {}

  public static void main(String[] args) throws Exception {
    EmbeddedPostgres pg = DatabaseLauncher.startEmbedded(Path.of(args[0]));
    try (Connection c = pg.getDatabase("postgres", DatabaseLauncher.DATABASE).getConnection();
        Statement s = c.createStatement()) {
      s.execute("create table kept (word text)");
      s.execute("insert into kept values ('zażółć gęślą jaźń')");
    }
    System.out.println("READY");
    System.out.flush();
    new java.util.concurrent.CountDownLatch(1).await();
  }
}
