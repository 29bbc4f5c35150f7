package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or record as the representation of a remote REST collection.
 * <p>
 * The model is read once at start-up; a model without an endpoint, whose id field does
 * not exist, or that names an unknown client fails start-up with a
 * {@link dev.apiorm.exception.ConfigurationException} naming the class.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ApiModel {

	/**
	 * The collection path relative to the client's base URL, such as
	 * {@code /api/v1/users/}. A trailing slash is kept for record URLs
	 * ({@code /api/v1/users/1/}), as Django REST Framework expects.
	 * @return the collection path
	 */
	String endpoint();

	/**
	 * The Java property that holds the record's id.
	 * @return the id property
	 */
	String idField() default "id";

	/**
	 * The name of the configured client that serves this model.
	 * @return the client name
	 */
	String client() default "default";

	/**
	 * How this endpoint pages its results; by default the client's setting.
	 * @return the pagination style
	 */
	Pagination pagination() default Pagination.CLIENT_DEFAULT;

}
