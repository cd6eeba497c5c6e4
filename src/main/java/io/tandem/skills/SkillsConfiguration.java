package io.tandem.skills;

import io.tandem.config.TandemProperties;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/** The skill taxonomy: the one Tandem ships, extended by {@code tandem.skills.file} when set. */
@Configuration(proxyBeanMethods = false)
class SkillsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SkillsConfiguration.class);

    @Bean
    SkillCatalog skillCatalog(TandemProperties properties) {
        String file = properties.skills().file();
        try (Reader base = new InputStreamReader(
                new ClassPathResource("skills/taxonomy.txt").getInputStream(), StandardCharsets.UTF_8)) {
            if (file == null || file.isBlank()) {
                return SkillCatalog.load(base);
            }
            Path path = Path.of(file);
            try (Reader extension = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                SkillCatalog catalog = SkillCatalog.load(base, extension);
                log.info("Skill taxonomy extended with {}", path.toAbsolutePath());
                return catalog;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the skill taxonomy " + (file == null ? "" : file), e);
        }
    }
}
