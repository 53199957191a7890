package pl.gielda.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers the test database and SMTP server for every {@code @QuarkusTest} (one application for
 * all classes).
 */
@QuarkusTestResource(TestDatabase.class)
@QuarkusTestResource(TestSmtp.class)
public final class UsesTestDatabase {
  private UsesTestDatabase() {}
}
