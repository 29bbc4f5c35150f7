package dev.apiorm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says that the API writes a relation (a field annotated with Spring Data's
 * {@code @Reference}) as the URL of the related record rather than its id, as Django REST
 * Framework's {@code HyperlinkedRelatedField} (the default of
 * {@code HyperlinkedModelSerializer}) does: {@code "author":
 * "https://api.example.com/api/v1/authors/7/"}.
 * <p>
 * api-orm reads any relation given as a URL inside the related model's endpoint as the
 * record of that id, annotated or not; a URL elsewhere is refused with
 * {@link dev.apiorm.exception.ApiDecodeException}. This annotation changes how the
 * relation is written: as the related record's path ({@code "/api/v1/authors/7/"}, the id
 * percent-encoded), which such a field resolves as it does a full URL, instead of the id.
 * <pre class="code">
 * &#64;Reference
 * &#64;Hyperlinked
 * private Author author;
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER })
public @interface Hyperlinked {

}
