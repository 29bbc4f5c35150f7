package dev.apiorm.test;

import java.util.List;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts a {@link FakeApi} for a test context, registers it as the bean {@code fakeApi},
 * points {@code api-orm.base-url} at it, and stops it with the context. Equal for equal
 * seeds, so that Spring's test context cache shares the context.
 */
final class FakeApiContextCustomizer implements ContextCustomizer {

	/** The property that carries {@link ApiOrmTest#seed()} to the auto-configuration. */
	static final String SEED_PROPERTY = "api-orm.test.seed";

	private final List<String> seeds;

	FakeApiContextCustomizer(List<String> seeds) {
		this.seeds = seeds;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		FakeApi api = FakeApi.start();
		context.getBeanFactory().registerSingleton("fakeApi", api);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> api.close());
		TestPropertyValues.of("api-orm.base-url=" + api.baseUrl(), SEED_PROPERTY + "=" + String.join(",", this.seeds))
			.applyTo(context);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FakeApiContextCustomizer customizer && this.seeds.equals(customizer.seeds);
	}

	@Override
	public int hashCode() {
		return this.seeds.hashCode();
	}

}
