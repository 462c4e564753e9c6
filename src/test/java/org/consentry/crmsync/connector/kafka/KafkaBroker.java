package org.consentry.crmsync.connector.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Kafka broker for the tests: one node in KRaft mode (broker and controller in one process),
 * on loopback ports picked free, its log in a temporary folder, run as a child JVM from the test class
 * path with {@code kafka.Kafka} (Kafka's Scala and its libraries stay out of the test JVM's way). It
 * can be killed and started again on the same ports and log, as a broker that crashes and comes back.
 */
final class KafkaBroker implements AutoCloseable {

    private final int port = freePort();
    private final int controllerPort = freePort();
    private final Path dir;
    private Process process;
    private Duration lastStart;

    KafkaBroker() {
        try {
            dir = Files.createTempDirectory("consentry-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrap() {
        return "127.0.0.1:" + port;
    }

    Duration lastStart() {
        return lastStart;
    }

    /** Starts the broker (formatting its log folder the first time) and waits until it answers an admin client. */
    synchronized void start() throws Exception {
        long started = System.nanoTime();
        Path config = dir.resolve("server.properties");
        if (!Files.exists(config)) {
            Files.writeString(config, properties());
            String clusterId = Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
            Process format = java("kafka.tools.StorageTool", "format", "--cluster-id=" + clusterId, "--config=" + config)
                    .redirectOutput(dir.resolve("format.log").toFile()).redirectErrorStream(true).start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("kafka storage format failed: " + Files.readString(dir.resolve("format.log")));
            }
        }
        process = java("kafka.Kafka", config.toString())
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("broker.log").toFile()))
                .redirectErrorStream(true).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        awaitReady(Duration.ofSeconds(90));
        lastStart = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("Kafka broker on " + bootstrap() + " ready in " + lastStart.toMillis() + " ms");
    }

    /** Kills the broker at once (no controlled shutdown): what it acknowledged is in its log, the rest is lost. */
    synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Creates a topic of {@code partitions} partitions (replication 1: one broker). */
    void createTopic(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    @Override
    public synchronized void close() throws Exception {
        if (process != null) {
            process.destroy(); // a controlled shutdown at the end
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            process = null;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private void awaitReady(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("kafka broker exited with " + process.exitValue() + ": see " + dir.resolve("broker.log"));
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
                admin.listTopics().names().get(2, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("kafka broker not ready within " + within, notYet);
                }
                Thread.sleep(200);
            }
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }

    private String properties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("log"),
                "auto.create.topics.enable=false", // as on an enterprise bus: the topic is made by its owner
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    private static ProcessBuilder java(String main, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private static byte[] uuidBytes() {
        UUID id = UUID.randomUUID();
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
