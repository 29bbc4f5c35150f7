package dev.apiorm.demo.upstream;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.demo.User;
import dev.apiorm.test.FakeApi;

/**
 * Starts api-orm's {@link FakeApi} (the one behind {@code @ApiOrmTest}) as the demo's
 * sample upstream and points {@code api-orm.base-url} at it when no base URL is
 * configured, so that the demo runs offline with no configuration. Once the context has
 * its models, the fake serves them, with unique user emails as a DRF serializer would
 * check them. The upstream stops when the JVM does.
 */
public class SampleUpstreamEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty("api-orm.base-url")) {
			return;
		}
		FakeApi upstream = FakeApi.start();
		Runtime.getRuntime().addShutdownHook(new Thread(upstream::close, "sample-upstream-shutdown"));
		environment.getPropertySources()
			.addLast(new MapPropertySource("sampleUpstream",
					Map.of("api-orm.base-url", upstream.baseUrl(), "demo.sample-upstream", "true")));
		application.addInitializers((ConfigurableApplicationContext context) -> context
			.addApplicationListener((ApplicationListener<ContextRefreshedEvent>) (event) -> {
				upstream.useModels(context.getBean(ApiMappingContext.class));
				upstream.unique(User.class, "email");
			}));
	}

}
