package io.tandem.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real {@code redis-server} (the binary shipped in {@code embedded-redis}) started on 127.0.0.1 for local mode,
 * with append-only persistence under the data directory, so data survives a restart. It stops with the app.
 *
 * <p>A lock file keeps two Tandem processes from sharing one data directory, and a server left behind by a
 * crashed run (its port is remembered in the data directory) is shut down before a new one starts, so two
 * servers never write the same append-only file.
 */
public final class EmbeddedRedis implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final String HOST = "127.0.0.1";

    private final Path dir;
    private final int port;
    private FileChannel lockChannel;
    private FileLock lock;
    private RedisServer server;

    private EmbeddedRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts a server with its data in {@code dataDir/redis}; port 0 picks a free one. */
    public static EmbeddedRedis start(Path dataDir, int port) {
        Path dir = dataDir.toAbsolutePath().normalize().resolve("redis");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the data directory " + dir + " (set tandem.data-dir to a writable folder)", e);
        }
        EmbeddedRedis redis = new EmbeddedRedis(dir, port == 0 ? freePort() : port);
        redis.lock();
        redis.stopOrphan();
        redis.launch();
        return redis;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public Path directory() {
        return dir;
    }

    private void lock() {
        try {
            lockChannel =
                    FileChannel.open(dir.resolve("tandem.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = lockChannel.tryLock();
        } catch (IOException | OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            closeQuietly();
            throw new IllegalStateException("Another Tandem is using the data directory " + dir.getParent()
                    + ". Stop it, or give this one its own folder with tandem.data-dir (TANDEM_DATA_DIR).");
        }
    }

    /** A previous run killed without stopping its server leaves it running on the port written here. */
    private void stopOrphan() {
        Path portFile = dir.resolve("redis.port");
        try {
            if (!Files.exists(portFile)) {
                return;
            }
            int old = Integer.parseInt(Files.readString(portFile).strip());
            if (send(old, "PING").startsWith("+PONG")) {
                log.warn("Stopping the embedded Redis left running on port {} by a previous run", old);
                shutdown(old);
            }
        } catch (IOException | NumberFormatException e) {
            // nothing answers there: no orphan
        }
    }

    private void launch() {
        try {
            server = RedisServer.newRedisServer()
                    .port(port)
                    .bind(HOST)
                    .setting("dir \"" + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                    .setting("appendonly yes")
                    .setting("appendfsync everysec")
                    .setting("protected-mode yes")
                    .setting("save 300 1")
                    .build();
            server.start();
            Files.writeString(dir.resolve("redis.port"), String.valueOf(port));
        } catch (IOException | RuntimeException e) {
            closeQuietly();
            throw new IllegalStateException(
                    "Could not start the embedded Redis on " + HOST + ":" + port + " with data in " + dir
                            + ". Configure an external Redis with REDIS_URL instead.",
                    e);
        }
        log.info("Using embedded Redis at {}:{}, data in {} (set REDIS_URL to use your own Redis)", HOST, port, dir);
    }

    @Override
    public void close() {
        try {
            if (server != null && server.isActive()) {
                shutdown(port);
                server.stop();
            }
            Files.deleteIfExists(dir.resolve("redis.port"));
            log.info("Embedded Redis stopped");
        } catch (IOException e) {
            log.warn("Embedded Redis did not stop cleanly: {}", e.getMessage());
        } finally {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException ignored) {
            // the process is going away; the OS releases the lock
        }
    }

    /**
     * SHUTDOWN flushes the append-only file before the server exits. Redis refuses to exit when it cannot write
     * its final snapshot (a full disk, a deleted folder); then NOSAVE, so the process never lingers: the
     * append-only file, synced every second, still holds the data.
     */
    private static void shutdown(int port) throws IOException {
        String reply = send(port, "SHUTDOWN");
        if (reply.startsWith("-")) {
            log.warn("Embedded Redis could not save on shutdown ({}); stopping it without saving", reply);
            send(port, "SHUTDOWN NOSAVE");
        }
    }

    /** Sends one inline command and returns the first reply line (empty if the server closed first). */
    private static String send(int port, String command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(HOST), port), 500);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return line.toString();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the embedded Redis", e);
        }
    }
}
