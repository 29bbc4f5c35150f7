package dev.apiorm.autoconfigure;

import java.beans.PropertyDescriptor;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;

import dev.apiorm.exception.ConfigurationException;

/**
 * Checks the keys under {@code api-orm.clients.<name>}: each is a key of a client
 * ({@link ApiOrmClientProperties}) with the meaning it has under {@code api-orm}, or
 * start-up fails naming it; Boot's binder would otherwise ignore it silently.
 */
final class ClientKeys {

	private static final ConfigurationPropertyName CLIENTS = ConfigurationPropertyName.of("api-orm.clients");

	/** The keys of a client, in uniform form ({@code baseurl}). */
	private static final Set<String> CLIENT_KEYS = uniform(ApiOrmClientProperties.class);

	/** The keys of the application as a whole, which a client cannot set. */
	private static final Set<String> APPLICATION_KEYS = uniform(ApiOrmProperties.class).stream()
		.filter((key) -> !CLIENT_KEYS.contains(key))
		.collect(Collectors.toUnmodifiableSet());

	private ClientKeys() {
	}

	/**
	 * Checks every key under {@code api-orm.clients} in an environment.
	 * @param environment the environment
	 * @throws ConfigurationException naming the first key that no client takes
	 */
	static void check(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource iterable) {
				try (Stream<ConfigurationPropertyName> names = iterable.stream()) {
					names.filter(CLIENTS::isAncestorOf).forEach((name) -> check(name, source));
				}
			}
		}
	}

	private static void check(ConfigurationPropertyName name, ConfigurationPropertySource source) {
		if (name.getNumberOfElements() < 4 || CLIENT_KEYS.contains(name.getElement(3, Form.UNIFORM))) {
			return;
		}
		String key = name.getElement(3, Form.DASHED);
		ConfigurationProperty property = source.getConfigurationProperty(name);
		String origin = (property != null && property.getOrigin() != null) ? " (" + property.getOrigin() + ")" : "";
		if (APPLICATION_KEYS.contains(name.getElement(3, Form.UNIFORM))) {
			throw new ConfigurationException(name + origin + " is not a key of a client: api-orm." + key
					+ ".* applies to the application as a whole; set it there");
		}
		throw new ConfigurationException(name + origin + " is not a key of an api-orm client: a client under "
				+ "api-orm.clients.<name> takes the keys of api-orm.* (base-url, timeout, pool.*, drf.*, ...)");
	}

	private static Set<String> uniform(Class<?> properties) {
		return Stream.of(BeanUtils.getPropertyDescriptors(properties))
			.map(PropertyDescriptor::getName)
			.filter((name) -> !"class".equals(name))
			.map((name) -> name.toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
	}

}
