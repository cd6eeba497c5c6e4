package io.tandem.engine;

/**
 * Where members' browsers reach Tandem: the base of every link Tandem hands out (calendar invites, exports, charts).
 * Asked for at the moment a link is made, so it can follow the port the server actually listens on.
 */
@FunctionalInterface
public interface PublicUrl {

    /** The base address, without a trailing slash, e.g. {@code https://tandem.example.com}. */
    String base();

    /** {@code base()} followed by {@code path} (which starts with a slash). */
    default String at(String path) {
        return base() + path;
    }

    /** A fixed address (a trailing slash is dropped). */
    static PublicUrl fixed(String base) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return () -> trimmed;
    }
}
