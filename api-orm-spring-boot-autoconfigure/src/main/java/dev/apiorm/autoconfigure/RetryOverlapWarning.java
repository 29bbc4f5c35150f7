package dev.apiorm.autoconfigure;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import dev.apiorm.ApiOrm;
import dev.apiorm.core.ApiClientSettings;

/**
 * Warns once at start-up when api-orm's built-in retry is on and application beans also
 * declare a retry annotation (Spring's {@code @Retryable}, Spring Retry's
 * {@code @Retryable}, Resilience4j's {@code @Retry}): where one of those methods calls
 * api-orm, each of its attempts makes api-orm's attempts, and the two multiply. Only the
 * beans' declarations are read, once; a retry applied in code cannot be seen.
 */
final class RetryOverlapWarning implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(RetryOverlapWarning.class);

	/** The retry annotations looked for, by name: none of them is a dependency. */
	static final List<String> ANNOTATIONS = List.of("org.springframework.resilience.annotation.Retryable",
			"org.springframework.retry.annotation.Retryable", "io.github.resilience4j.retry.annotation.Retry");

	/** How many beans the warning names at most. */
	private static final int NAMED = 5;

	private final ConfigurableListableBeanFactory beans;

	private final ApiOrm apiOrm;

	RetryOverlapWarning(ConfigurableListableBeanFactory beans, ApiOrm apiOrm) {
		this.beans = beans;
		this.apiOrm = apiOrm;
	}

	@Override
	public void afterSingletonsInstantiated() {
		String warning = warning();
		if (warning != null) {
			logger.warn(warning);
		}
	}

	/**
	 * The warning to log, if any.
	 * @return the warning, {@code null} when no client retries or no bean declares a
	 * retry
	 */
	@Nullable String warning() {
		List<String> retrying = new ArrayList<>();
		int attempts = 1;
		for (String client : this.apiOrm.clientNames()) {
			ApiClientSettings settings = this.apiOrm.reactiveTemplate(client).getSettings();
			if (settings.retry().maxAttempts() > 1) {
				retrying.add(ApiClientSettings.propertyPrefix(client) + "retry.max-attempts="
						+ settings.retry().maxAttempts());
				attempts = Math.max(attempts, settings.retry().maxAttempts());
			}
		}
		List<Class<? extends Annotation>> annotations = presentAnnotations();
		if (retrying.isEmpty() || annotations.isEmpty()) {
			return null;
		}
		List<String> declaring = declaringBeans(annotations);
		if (declaring.isEmpty()) {
			return null;
		}
		return "api-orm retries failed calls itself (" + String.join(", ", retrying) + ") and "
				+ ((declaring.size() > NAMED) ? declaring.size() + " beans, among them " : "beans ")
				+ String.join(", ", declaring.subList(0, Math.min(NAMED, declaring.size())))
				+ ", declare a retry annotation: where such a method calls api-orm, the attempts multiply (" + attempts
				+ " x its own attempts per call). Turn one off: set retry.max-attempts=1 for the client, or leave the "
				+ "retry to api-orm (docs/resilience.md, 'Retries and @Retryable or Resilience4j')";
	}

	@SuppressWarnings("unchecked")
	private List<Class<? extends Annotation>> presentAnnotations() {
		List<Class<? extends Annotation>> present = new ArrayList<>();
		ClassLoader classLoader = this.beans.getBeanClassLoader();
		for (String name : ANNOTATIONS) {
			if (ClassUtils.isPresent(name, classLoader)) {
				present.add((Class<? extends Annotation>) ClassUtils.resolveClassName(name, classLoader));
			}
		}
		return present;
	}

	private List<String> declaringBeans(List<Class<? extends Annotation>> annotations) {
		List<String> declaring = new ArrayList<>();
		for (String name : this.beans.getBeanDefinitionNames()) {
			BeanDefinition definition = this.beans.getBeanDefinition(name);
			if (definition.getRole() != BeanDefinition.ROLE_APPLICATION || definition.isAbstract()) {
				continue;
			}
			Class<?> type = this.beans.getType(name, false);
			if (type != null && declares(ClassUtils.getUserClass(type), annotations)) {
				declaring.add(name);
			}
		}
		return declaring;
	}

	private static boolean declares(Class<?> type, List<Class<? extends Annotation>> annotations) {
		List<Class<?>> types = new ArrayList<>();
		types.add(type);
		// A repository is a JDK proxy: its interfaces carry the declarations.
		types.addAll(ClassUtils.getAllInterfacesForClassAsSet(type));
		for (Class<?> candidate : types) {
			for (Class<? extends Annotation> annotation : annotations) {
				if (AnnotatedElementUtils.hasAnnotation(candidate, annotation)) {
					return true;
				}
				for (Method method : ReflectionUtils.getUniqueDeclaredMethods(candidate,
						ReflectionUtils.USER_DECLARED_METHODS)) {
					if (AnnotatedElementUtils.hasAnnotation(method, annotation)) {
						return true;
					}
				}
			}
		}
		return false;
	}

}
