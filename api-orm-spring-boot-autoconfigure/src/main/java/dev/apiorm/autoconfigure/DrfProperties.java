package dev.apiorm.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * The Django REST Framework dialect of one client ({@code api-orm.drf.*}).
 */
public class DrfProperties {

	/**
	 * The suffix of the negated filters the API declares (django-filter's exclude=True),
	 * such as "n" for role__n=banned. Unset, exclude() is refused: django-filter has no
	 * negation of its own and ignores undeclared parameters.
	 */
	private @Nullable String negationSuffix;

	public @Nullable String getNegationSuffix() {
		return this.negationSuffix;
	}

	public void setNegationSuffix(@Nullable String negationSuffix) {
		this.negationSuffix = negationSuffix;
	}

}
