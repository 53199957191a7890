package pl.gielda.board;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.websockets.next.HandshakeRequest;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the HTTP upgrade request leaves behind for as long as a board connection lives, and trimming
 * it once the connection is open.
 *
 * <p>websockets-next keeps the upgrade request's routing context per connection (its {@code
 * SecuritySupport}, for identities that are resolved lazily or refreshed). With it stay the lazy
 * identity's memoized pipeline (context-propagation wrappers and all) and the request's headers,
 * two of which carry the whole token ({@code Authorization}, propagated from {@code
 * Sec-WebSocket-Protocol}). A board connection's identity is resolved before the upgrade
 * ({@code @Authenticated}) and websockets-next uses that resolved identity from then on, so the
 * lazy one and the token-carrying headers are dead weight at 19,000 connections. The routing
 * context is not public API: when it cannot be reached (another websockets-next version), {@link
 * #routingContext} answers null and nothing is trimmed; a test keeps this honest across upgrades.
 */
final class UpgradeLeftovers {

  private static final Logger LOG = Logger.getLogger(UpgradeLeftovers.class);

  /** The routing-context key of Quarkus' lazily resolved identity. */
  static final String DEFERRED_IDENTITY = "io.quarkus.vertx.http.deferred-identity";

  private static final MethodHandle SECURITY_SUPPORT =
      getter("io.quarkus.websockets.next.runtime.WebSocketConnectionImpl", "securitySupport");
  private static final MethodHandle ROUTING_CONTEXT =
      getter("io.quarkus.websockets.next.runtime.SecuritySupport", "routingContext");

  /** The identity websockets-next checks every callback against (volatile, not final). */
  private static final Field IDENTITY =
      field("io.quarkus.websockets.next.runtime.SecuritySupport", "identity");

  /** Headers that carry the token: the browser's subprotocol and the one propagated from it. */
  static final Set<String> TOKEN_HEADERS = Set.of("authorization", "sec-websocket-protocol");

  /** websockets-next's own copy of the upgrade request's headers (final: written by reflection). */
  private static final Field HANDSHAKE_HEADERS =
      field(
          "io.quarkus.websockets.next.runtime.WebSocketConnectionImpl$HandshakeRequestImpl",
          "headers");

  private UpgradeLeftovers() {}

  private static MethodHandle getter(String className, String field) {
    try {
      Field f = Class.forName(className).getDeclaredField(field);
      f.setAccessible(true);
      return MethodHandles.lookup()
          .unreflectGetter(f)
          .asType(MethodType.methodType(Object.class, Object.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.infof("Board connections keep their upgrade request (%s)", e.toString());
      return null;
    }
  }

  private static Field field(String className, String name) {
    try {
      Field f = Class.forName(className).getDeclaredField(name);
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.infof("Board connections keep their handshake headers (%s)", e.toString());
      return null;
    }
  }

  /** Whether connections can be trimmed (a test keeps it so across upgrades). */
  static boolean available() {
    return SECURITY_SUPPORT != null
        && ROUTING_CONTEXT != null
        && HANDSHAKE_HEADERS != null
        && IDENTITY != null;
  }

  private static Object securitySupport(WebSocketConnection connection) {
    if (!available()) {
      return null;
    }
    try {
      return SECURITY_SUPPORT.invoke((Object) connection);
    } catch (Throwable e) {
      return null;
    }
  }

  /** The upgrade request's routing context a connection keeps, or null. */
  static RoutingContext routingContext(WebSocketConnection connection) {
    Object security = securitySupport(connection);
    try {
      return security == null ? null : (RoutingContext) ROUTING_CONTEXT.invoke(security);
    } catch (Throwable e) {
      return null;
    }
  }

  /** The identity websockets-next keeps for a connection, or null. */
  static SecurityIdentity identity(WebSocketConnection connection) {
    Object security = securitySupport(connection);
    try {
      return security == null ? null : (SecurityIdentity) IDENTITY.get(security);
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The same caller without the token: its name and roles, which is all websockets-next checks for
   * the callbacks of an {@code @Authenticated} endpoint. A verified JWT identity keeps the raw
   * token, its parsed claims twice (jose4j and JSON-P) and their strings: kilobytes per connection.
   */
  static SecurityIdentity slim(SecurityIdentity identity) {
    return QuarkusSecurityIdentity.builder()
        .setPrincipal(new QuarkusPrincipal(identity.getPrincipal().getName()))
        .addRoles(identity.getRoles())
        .setAnonymous(false)
        .build();
  }

  /**
   * Drops what an open, authenticated connection no longer needs from its upgrade request: the
   * verified token behind its identity (replaced by {@link #slim}), the routing context's user and
   * data (the lazy identity and the authentication mechanism's state; the connection's identity is
   * already resolved and kept by websockets-next) and every copy of the token-carrying headers.
   * Answers whether there was anything to trim. Call it on the connection's event loop once the
   * identity has been read.
   */
  static boolean trim(WebSocketConnection connection) {
    RoutingContext rc = routingContext(connection);
    if (rc == null) {
      return false;
    }
    Object security = securitySupport(connection);
    SecurityIdentity identity = identity(connection);
    if (identity != null && !identity.isAnonymous()) {
      try {
        IDENTITY.set(security, slim(identity));
      } catch (IllegalAccessException | RuntimeException e) {
        LOG.debugf("Could not slim the identity: %s", e.toString());
      }
    }
    rc.clearUser();
    rc.data().clear();
    MultiMap headers = rc.request().headers();
    TOKEN_HEADERS.forEach(headers::remove);
    HandshakeRequest handshake = connection.handshakeRequest();
    if (handshake.getClass().getName().equals(HANDSHAKE_HEADERS.getDeclaringClass().getName())) {
      Map<String, List<String>> kept = new HashMap<>(handshake.headers());
      kept.keySet().removeAll(TOKEN_HEADERS);
      try {
        HANDSHAKE_HEADERS.set(handshake, Map.copyOf(kept));
      } catch (IllegalAccessException | RuntimeException e) {
        LOG.debugf("Could not trim the handshake headers: %s", e.toString());
      }
    }
    return true;
  }
}
