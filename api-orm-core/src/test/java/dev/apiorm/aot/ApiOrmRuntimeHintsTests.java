package dev.apiorm.aot;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;

import dev.apiorm.ApiModel;
import dev.apiorm.dialect.builtin.BuiltInDialects;
import dev.apiorm.repository.support.SimpleApiRepository;
import dev.apiorm.repository.support.SimpleReactiveApiRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hints api-orm registers whatever the application, found by Spring AOT through
 * {@code META-INF/spring/aot.factories}.
 */
class ApiOrmRuntimeHintsTests {

	private final RuntimeHints hints = new RuntimeHints();

	@Test
	void areFoundBySpringAot() {
		List<RuntimeHintsRegistrar> registrars = AotServices.factories().load(RuntimeHintsRegistrar.class).asList();
		assertThat(registrars).hasAtLeastOneElementOfType(ApiOrmRuntimeHints.class);
		assertThat(AotServices.factories().load(BeanFactoryInitializationAotProcessor.class).asList())
			.hasAtLeastOneElementOfType(ApiModelsAotProcessor.class);
	}

	@Test
	void theRepositoryBaseClassesCanBeMadeReflectively() throws NoSuchMethodException {
		new ApiOrmRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		for (Class<?> base : List.of(SimpleApiRepository.class, SimpleReactiveApiRepository.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(base.getDeclaredConstructors()[0]))
				.as(base.getSimpleName())
				.accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(ApiModel.class, "endpoint"))
			.accepts(this.hints);
	}

	@Test
	void everyBuiltInDialectIsRegistered() {
		new ApiOrmRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
		assertThat(BuiltInDialects.ALL).isNotEmpty()
			.allSatisfy((dialect) -> assertThat(RuntimeHintsPredicates.reflection().onType(dialect.type()))
				.accepts(this.hints));
	}

}
