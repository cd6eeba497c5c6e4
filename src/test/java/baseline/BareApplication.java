package baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot app with nothing of Tandem's but its starters (the same classpath: web, Redis, Quartz, Actuator…),
 * to compare start-up time and heap with ({@code io.tandem.bench.CostBench}). Outside {@code io.tandem}, so that
 * Tandem's component scan never finds it in tests.
 */
@SpringBootApplication
public class BareApplication {

    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }
}
