package dev.apiorm.autoconfigure;

import java.lang.reflect.RecordComponent;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

import dev.apiorm.core.ApiClientOptions;

/**
 * The reflection the {@code apiorm} endpoint does in a native image: {@link SettingsView}
 * reads the components of the settings records, {@link ApiClientOptions} and every record
 * it holds, found here the same way, so that a group added to the settings needs no
 * change.
 */
class ApiOrmEndpointRuntimeHints implements RuntimeHintsRegistrar {

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		register(hints, ApiClientOptions.class, new HashSet<>());
	}

	private static void register(RuntimeHints hints, Class<?> type, Set<Class<?>> seen) {
		if (!type.isRecord() || !seen.add(type)) {
			return;
		}
		hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
		for (RecordComponent component : type.getRecordComponents()) {
			register(hints, component.getType(), seen);
		}
	}

}
