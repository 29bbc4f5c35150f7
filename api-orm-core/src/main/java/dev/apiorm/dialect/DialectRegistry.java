package dev.apiorm.dialect;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

import dev.apiorm.exception.ConfigurationException;

/**
 * Dialects by name ({@code api-orm.dialect}): in Spring Boot the application's
 * {@link Dialect} beans, the built-in ones among them; without Boot, those given to the
 * builder. The built-in dialects themselves are listed in
 * {@code dev.apiorm.dialect.builtin}, which this SPI does not depend on.
 */
public final class DialectRegistry {

	private final Map<String, Dialect> dialects = new TreeMap<>();

	/**
	 * A registry of some dialects; a later dialect replaces an earlier one of the same
	 * name.
	 * @param dialects the dialects
	 */
	public DialectRegistry(Collection<? extends Dialect> dialects) {
		Assert.notNull(dialects, "dialects must not be null");
		dialects.forEach((dialect) -> this.dialects.put(dialect.name().toLowerCase(Locale.ROOT), dialect));
	}

	/**
	 * The dialect of a name, if there is one.
	 * @param name the name, in any case
	 * @return the dialect, {@code null} when none has that name
	 */
	public @Nullable Dialect find(String name) {
		return this.dialects.get(name.toLowerCase(Locale.ROOT));
	}

	/**
	 * The dialect of a name.
	 * @param name the name, in any case
	 * @param propertyPrefix the prefix of the client's properties, for the message
	 * @return the dialect
	 * @throws ConfigurationException when no dialect has that name
	 */
	public Dialect get(String name, String propertyPrefix) {
		Dialect dialect = this.dialects.get(name.toLowerCase(Locale.ROOT));
		if (dialect == null) {
			throw new ConfigurationException("Invalid value '" + name + "' for " + propertyPrefix
					+ "dialect: must be one of " + this.dialects.keySet());
		}
		return dialect;
	}

	/**
	 * The names of the dialects.
	 * @return the names
	 */
	public Collection<String> names() {
		return this.dialects.keySet();
	}

}
