package dev.apiorm.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.apiorm.core.Urls;

/**
 * A client's settings as the {@code apiorm} endpoint shows them: each settings record as
 * a map of its components, read generically so that a setting added to a group shows
 * without a change here, with every secret masked: a component or header whose name says
 * it holds a credential, and the user info (a password) of any URL.
 */
final class SettingsView {

	/** What a secret is shown as. */
	static final String MASK = "******";

	/** Header names whose values are credentials. */
	private static final Pattern SECRET_HEADER = Pattern
		.compile(".*(authorization|auth|token|secret|password|passwd|credential|cookie|key|signature|session).*");

	/** Names of settings whose values are credentials. */
	private static final Pattern SECRET_SETTING = Pattern.compile(".*(token|secret|password|passwd|credential).*");

	private SettingsView() {
	}

	/**
	 * A record as a map of its components, secrets masked.
	 * @param settings the record
	 * @return its components, in declaration order
	 */
	static Map<String, @Nullable Object> of(Record settings) {
		Map<String, @Nullable Object> view = new LinkedHashMap<>();
		for (RecordComponent component : settings.getClass().getRecordComponents()) {
			String name = component.getName();
			Object value = read(component, settings);
			view.put(name, SECRET_SETTING.matcher(name.toLowerCase(Locale.ROOT)).matches() && value != null ? MASK
					: shown(value));
		}
		return view;
	}

	private static @Nullable Object read(RecordComponent component, Record settings) {
		try {
			return component.getAccessor().invoke(settings);
		}
		catch (IllegalAccessException | InvocationTargetException ex) {
			return "(not readable)";
		}
	}

	private static @Nullable Object shown(@Nullable Object value) {
		if (value == null || value instanceof Boolean || value instanceof Number) {
			return value;
		}
		if (value instanceof Duration duration) {
			return duration.toString();
		}
		if (value instanceof URI url) {
			return Urls.display(url);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
		}
		if (value instanceof Record record) {
			return of(record);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> shown = new LinkedHashMap<>();
			map.forEach((key, element) -> shown.put(String.valueOf(key),
					isSecretHeader(String.valueOf(key)) ? MASK : shown(element)));
			return shown;
		}
		if (value instanceof Collection<?> collection) {
			List<@Nullable Object> shown = new ArrayList<>();
			collection.forEach((element) -> shown.add(shown(element)));
			return shown;
		}
		String text = value.toString();
		return text.contains("://") ? Urls.display(text) : text;
	}

	/**
	 * Whether a header's value is a credential, by its name.
	 * @param name the header name
	 * @return whether to mask it
	 */
	static boolean isSecretHeader(String name) {
		return SECRET_HEADER.matcher(name.toLowerCase(Locale.ROOT)).matches();
	}

}
