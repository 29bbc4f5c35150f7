package dev.apiorm.dialect.convention;

import java.util.ArrayList;
import java.util.List;

import dev.apiorm.dialect.QueryValues;
import dev.apiorm.exception.ConfigurationException;

/**
 * One query parameter written from a template {@code name=value}, compiled once: the name
 * may hold {@code {field}}, the value {@code {field}} and {@code {value}}
 * ({@code {field}[$gte]={value}}, {@code filter={field}||$gte||{value}},
 * {@code {field}=gte.{value}}). Every literal part is percent-encoded as a value would
 * be, so that nothing the template holds can add a parameter.
 */
final class ParameterTemplate {

	private static final String FIELD = "{field}";

	private static final String VALUE = "{value}";

	private final String template;

	private final String name;

	/** The value's text around each {@code {value}}, {@code {field}} still in it. */
	private final List<String> around;

	private ParameterTemplate(String template, String name, List<String> around) {
		this.template = template;
		this.name = name;
		this.around = around;
	}

	/**
	 * Compiles a template.
	 * @param template the template
	 * @param property the property it was set by, for the message
	 * @param needsField whether {@code {field}} must appear
	 * @param needsValue whether {@code {value}} must appear in the value
	 * @return the template
	 * @throws ConfigurationException naming the property when the template lacks a part
	 */
	static ParameterTemplate parse(String template, String property, boolean needsField, boolean needsValue) {
		int equals = template.indexOf('=');
		if (equals <= 0 || (needsField && !template.contains(FIELD))
				|| (needsValue && !template.substring(equals + 1).contains(VALUE))) {
			throw new ConfigurationException("Invalid value '" + template + "' for " + property + ": must be name=value"
					+ (needsField ? " with {field}" : "") + (needsValue ? " and {value} in the value" : "")
					+ ", such as {field}[$gte]={value}");
		}
		String value = template.substring(equals + 1);
		List<String> around = new ArrayList<>();
		int from = 0;
		for (int at = value.indexOf(VALUE); at >= 0; at = value.indexOf(VALUE, from)) {
			around.add(value.substring(from, at));
			from = at + VALUE.length();
		}
		around.add(value.substring(from));
		return new ParameterTemplate(template, template.substring(0, equals), List.copyOf(around));
	}

	/**
	 * The parameter of a field and an encoded value.
	 * @param field the field's API name
	 * @param encodedValue the value, already percent-encoded
	 * @return {@code name=value}, percent-encoded
	 */
	String write(String field, String encodedValue) {
		StringBuilder parameter = new StringBuilder(QueryValues.encode(this.name.replace(FIELD, field))).append('=');
		for (int i = 0; i < this.around.size(); i++) {
			if (i > 0) {
				parameter.append(encodedValue);
			}
			parameter.append(QueryValues.encode(this.around.get(i).replace(FIELD, field)));
		}
		return parameter.toString();
	}

	/**
	 * The parameter as a message names it: the name when it holds the field
	 * ({@code pages[$gte]}), else the name and value before the value
	 * ({@code filter=pages||$gte||}).
	 * @param field the field's API name
	 * @return the name, not encoded
	 */
	String name(String field) {
		if (this.name.contains(FIELD)) {
			return this.name.replace(FIELD, field);
		}
		return this.name + "=" + this.around.get(0).replace(FIELD, field);
	}

	@Override
	public String toString() {
		return this.template;
	}

}
