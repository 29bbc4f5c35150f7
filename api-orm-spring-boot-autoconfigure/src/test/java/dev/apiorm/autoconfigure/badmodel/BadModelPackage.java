package dev.apiorm.autoconfigure.badmodel;

import dev.apiorm.ApiModel;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * An application with a model whose id field does not exist.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BadModelPackage {

	/**
	 * The model; it has no {@code uuid}.
	 *
	 * @param id the id
	 */
	@ApiModel(endpoint = "/gadgets/", idField = "uuid")
	public record Gadget(Long id) {
	}

}
