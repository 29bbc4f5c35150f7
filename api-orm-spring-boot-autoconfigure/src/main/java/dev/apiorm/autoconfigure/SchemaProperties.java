package dev.apiorm.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The API's OpenAPI 3 document ({@code api-orm.schema.*}), which models, derived queries
 * and filters are checked against. Not inherited by named clients: each API has its own.
 */
public class SchemaProperties {

	/** What a problem found does unless set. */
	static final Check DEFAULT_CHECK = Check.WARN;

	/**
	 * Where the API's OpenAPI 3 document is: a URL (read without credentials), or a
	 * classpath: or file: resource; JSON, or YAML with jackson-dataformat-yaml.
	 */
	private @Nullable String location;

	/**
	 * What a start-up check that finds a problem does: fail start-up, warn, or (off) not
	 * read the document at all. Default warn when a location is set.
	 */
	private @Nullable Check check;

	public @Nullable String getLocation() {
		return this.location;
	}

	public void setLocation(@Nullable String location) {
		this.location = location;
	}

	public @Nullable Check getCheck() {
		return this.check;
	}

	public void setCheck(@Nullable Check check) {
		this.check = check;
	}

	/**
	 * What a problem found at start-up does.
	 */
	public enum Check {

		/** Start-up fails, listing every problem. */
		FAIL,

		/** Every problem is logged as a warning. */
		WARN,

		/** The document is not read. */
		OFF

	}

}
