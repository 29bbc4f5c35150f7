package dev.apiorm.demo.upstream;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the {@link SampleUpstream} and points {@code api-orm.base-url} at it when no
 * base URL is configured, so that the demo runs offline with no configuration. The
 * upstream stops when the JVM does.
 */
public class SampleUpstreamEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("api-orm.base-url")) {
			return;
		}
		SampleUpstream upstream = SampleUpstream.start();
		Runtime.getRuntime().addShutdownHook(new Thread(upstream::close, "sample-upstream-shutdown"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("sampleUpstream",
					Map.of("api-orm.base-url", upstream.baseUrl(), "demo.sample-upstream", "true")));
	}

}
