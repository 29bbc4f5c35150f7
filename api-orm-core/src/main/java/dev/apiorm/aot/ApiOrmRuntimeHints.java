package dev.apiorm.aot;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.apiorm.ApiModel;
import dev.apiorm.dialect.builtin.BuiltInDialects;
import dev.apiorm.repository.support.SimpleApiRepository;
import dev.apiorm.repository.support.SimpleReactiveApiRepository;

/**
 * The runtime hints of api-orm itself, whatever the application: the repository base
 * classes Spring Data instantiates reflectively, the {@link ApiModel} annotation read
 * from models, and the built-in dialects, each a bean of its class. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
public class ApiOrmRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.reflection()
			.registerType(SimpleApiRepository.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
					MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(SimpleReactiveApiRepository.class, MemberCategory.INVOKE_DECLARED_CONSTRUCTORS,
					MemberCategory.INVOKE_PUBLIC_METHODS)
			.registerType(ApiModel.class, MemberCategory.INVOKE_PUBLIC_METHODS);
		for (BuiltInDialects.BuiltIn<?> dialect : BuiltInDialects.ALL) {
			hints.reflection().registerType(dialect.type(), MemberCategory.INVOKE_PUBLIC_METHODS);
		}
	}

}
