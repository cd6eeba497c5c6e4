package io.tandem.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code manifests/k8s} parses, and says what the application really serves and reads: the probe paths and port,
 * the environment variables (each one documented in the README, where the property it sets is listed), and a
 * locked-down pod.
 */
class KubernetesManifestsTests {

    private static final Path BASE = Path.of("manifests/k8s/base");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws IOException {
        return (Map<String, Object>) new Yaml().load(Files.readString(BASE.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, Object... path) {
        Object current = node;
        for (Object step : path) {
            current = step instanceof Integer i
                    ? ((List<Object>) current).get(i)
                    : ((Map<String, Object>) current).get(step);
        }
        return (T) current;
    }

    @Test
    void everyManifestParsesAndTheKustomizationListsThemAll() throws IOException {
        List<String> resources = at(load("kustomization.yaml"), "resources");
        try (Stream<Path> files = Files.list(BASE)) {
            List<String> yamls = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml") && !n.equals("kustomization.yaml"))
                    .sorted()
                    .toList();
            assertThat(resources).containsExactlyInAnyOrderElementsOf(yamls);
        }
        for (String r : resources) {
            assertThat(load(r)).as(r).containsKeys("apiVersion", "kind", "metadata");
        }
        String overlay = Files.readString(Path.of("manifests/k8s/overlays/example/kustomization.yaml"));
        assertThat(((Map<?, ?>) new Yaml().load(overlay)).get("resources")).isEqualTo(List.of("../../base"));
    }

    @Test
    void probesThePathsAndPortTheApplicationServes() throws IOException {
        Map<String, Object> deployment = load("deployment.yaml");
        Object container = at(deployment, "spec", "template", "spec", "containers", 0);
        assertThat((String) at(container, "readinessProbe", "httpGet", "path")).isEqualTo("/actuator/health/readiness");
        assertThat((String) at(container, "livenessProbe", "httpGet", "path")).isEqualTo("/actuator/health/liveness");
        assertThat((Integer) at(container, "ports", 0, "containerPort")).isEqualTo(8080);
        assertThat(Files.readString(Path.of("src/main/resources/application.yml")))
                .contains("port: ${PORT:8080}");
        assertThat((Integer) at(deployment, "spec", "replicas")).isEqualTo(2);
        List<Map<String, Object>> paths = at(load("ingress.yaml"), "spec", "rules", 0, "http", "paths");
        assertThat(paths).extracting(p -> p.get("path")).contains("/slack/events", "/api/messages", "/dashboard");
        assertThat((String) at(load("hpa.yaml"), "spec", "scaleTargetRef", "name"))
                .isEqualTo("tandem");
        assertThat((Integer) at(load("pdb.yaml"), "spec", "minAvailable")).isEqualTo(1);
    }

    @Test
    void runsAsANonRootUserOnAReadOnlyFilesystem() throws IOException {
        Object pod = at(load("deployment.yaml"), "spec", "template", "spec");
        assertThat((Boolean) at(pod, "securityContext", "runAsNonRoot")).isTrue();
        assertThat((Integer) at(pod, "securityContext", "runAsUser"))
                .as("the Dockerfile's user")
                .isEqualTo(10001);
        assertThat(Files.readString(Path.of("Dockerfile"))).contains("--uid 10001", "USER 10001:10001");
        Object container = at(pod, "containers", 0);
        assertThat((Boolean) at(container, "securityContext", "readOnlyRootFilesystem"))
                .isTrue();
        assertThat((Boolean) at(container, "securityContext", "allowPrivilegeEscalation"))
                .isFalse();
        List<Map<String, Object>> mounts = at(container, "volumeMounts");
        assertThat(mounts).extracting(m -> m.get("mountPath")).contains("/tmp", "/data");
    }

    @Test
    void setsOnlyEnvironmentVariablesTheApplicationReads() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String applicationYml = Files.readString(Path.of("src/main/resources/application.yml"));
        List<String> names = new ArrayList<>();
        names.addAll(((Map<String, Object>) at(load("configmap.yaml"), "data")).keySet());
        names.addAll(((Map<String, Object>) at(load("secret.yaml"), "stringData")).keySet());
        assertThat(names).contains("REDIS_URL", "SLACK_BOT_TOKEN", "MICROSOFT_APP_ID", "TANDEM_PUBLIC_URL");
        for (String name : names) {
            boolean read = readme.contains("`" + name + "`") || applicationYml.contains("${" + name + ":");
            assertThat(read)
                    .as(name + " is read by Tandem (README settings table or application.yml)")
                    .isTrue();
        }
    }
}
