package io.tandem.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.tandem.support.ClusterMode;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Every Lua script of Tandem ran on the Redis Cluster of this run, after the scenarios of the build's
 * {@code cluster} execution (this class runs last there): a script whose keys span two slots fails there with
 * CROSSSLOT, and a script no scenario reached would go untried on a cluster, so both fail the build. Each script
 * is found by walking the compiled classes for {@link RedisScript} constants.
 */
@Order(Integer.MAX_VALUE)
class ClusterScriptsTests {

    @Test
    void everyScriptRanOnTheCluster() throws Exception {
        assertThat(ClusterMode.on())
                .as("runs in the cluster execution only (tandem.test.redis=cluster)")
                .isTrue();
        Map<String, String> scripts = scripts();
        assertThat(scripts).as("the walk finds the store's scripts").hasSizeGreaterThan(20);
        Set<String> run = ClusterMode.shared().scriptsRun(new ArrayList<>(scripts.keySet()));
        List<String> missed = scripts.entrySet().stream()
                .filter(e -> !run.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .sorted()
                .toList();
        assertThat(missed).as("scripts no cluster scenario ran").isEmpty();
    }

    /** sha1 → where it is declared, for every static {@link RedisScript} field of Tandem's main classes. */
    private static Map<String, String> scripts() throws ReflectiveOperationException {
        Map<String, String> out = new LinkedHashMap<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tandem")) {
            for (JavaField field : type.getFields()) {
                if (field.getModifiers().contains(JavaModifier.STATIC)
                        && field.getRawType().isAssignableTo(RedisScript.class)) {
                    Field f = field.reflect();
                    f.setAccessible(true);
                    RedisScript<?> script = (RedisScript<?>) f.get(null);
                    out.putIfAbsent(script.getSha1(), type.getSimpleName() + "." + field.getName());
                }
            }
        }
        return out;
    }
}
