package dev.apiorm.dialect.builtin;

import org.jspecify.annotations.Nullable;

import dev.apiorm.dialect.DeclaredFilters;
import dev.apiorm.dialect.convention.ConventionDescription;
import dev.apiorm.dialect.jsonapi.JsonApiDialect;
import dev.apiorm.dialect.spring.SpringDataRestDialect;
import dev.apiorm.dialect.spring.SpringPageDialect;

/**
 * Which dialect a client speaks, and the settings of the built-in dialects that take any
 * ({@code api-orm.drf.*}, {@code api-orm.spring-page.*}, ...). A client whose settings
 * for its dialect differ from those another instance was made with gets an instance of
 * its own ({@link ClientDialects}). Each {@code withX} returns a copy with one value
 * changed.
 *
 * @param name the dialect's name ({@code drf}, or the {@code name()} of a dialect of
 * one's own)
 * @param drfNegationSuffix the suffix of the negated filters a DRF API declares
 * ({@code n} for {@code role__n=banned}), {@code null} when it declares none
 * @param springPage the filters the controllers of a {@code spring-page} API bind
 * @param springDataRest the filters a {@code spring-data-rest} application binds
 * @param jsonapi the filters a {@code jsonapi} server binds
 * @param convention the description of the {@code convention} dialect
 * ({@code api-orm.convention.*}), {@code null} when none is described
 */
public record DialectSettings(String name, @Nullable String drfNegationSuffix, DeclaredFilters springPage,
		DeclaredFilters springDataRest, DeclaredFilters jsonapi, @Nullable ConventionDescription convention) {

	/**
	 * The defaults: {@code drf} without negation, {@code field=value} for
	 * {@code spring-page} and {@code jsonapi}, no filter for {@code spring-data-rest}.
	 */
	public static final DialectSettings DEFAULTS = new DialectSettings("drf", null, SpringPageDialect.DEFAULT_FILTERS,
			SpringDataRestDialect.DEFAULT_FILTERS, JsonApiDialect.DEFAULT_FILTERS);

	/**
	 * Settings without a convention described.
	 * @param name the dialect's name
	 * @param drfNegationSuffix the suffix of a DRF API's negated filters
	 * @param springPage the filters of a {@code spring-page} API
	 * @param springDataRest the filters of a {@code spring-data-rest} API
	 * @param jsonapi the filters of a {@code jsonapi} server
	 */
	public DialectSettings(String name, @Nullable String drfNegationSuffix, DeclaredFilters springPage,
			DeclaredFilters springDataRest, DeclaredFilters jsonapi) {
		this(name, drfNegationSuffix, springPage, springDataRest, jsonapi, null);
	}

	public DialectSettings withName(String name) {
		return new DialectSettings(name, this.drfNegationSuffix, this.springPage, this.springDataRest, this.jsonapi,
				this.convention);
	}

	public DialectSettings withDrfNegationSuffix(@Nullable String drfNegationSuffix) {
		return new DialectSettings(this.name, drfNegationSuffix, this.springPage, this.springDataRest, this.jsonapi,
				this.convention);
	}

	public DialectSettings withSpringPage(DeclaredFilters springPage) {
		return new DialectSettings(this.name, this.drfNegationSuffix, springPage, this.springDataRest, this.jsonapi,
				this.convention);
	}

	public DialectSettings withSpringDataRest(DeclaredFilters springDataRest) {
		return new DialectSettings(this.name, this.drfNegationSuffix, this.springPage, springDataRest, this.jsonapi,
				this.convention);
	}

	public DialectSettings withJsonapi(DeclaredFilters jsonapi) {
		return new DialectSettings(this.name, this.drfNegationSuffix, this.springPage, this.springDataRest, jsonapi,
				this.convention);
	}

	public DialectSettings withConvention(@Nullable ConventionDescription convention) {
		return new DialectSettings(this.name, this.drfNegationSuffix, this.springPage, this.springDataRest,
				this.jsonapi, convention);
	}

}
