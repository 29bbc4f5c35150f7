package dev.apiorm.autoconfigure.badquery;

import dev.apiorm.ApiModel;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.Configuration;

/**
 * An application whose repository declares a derived query the DRF dialect cannot send.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
public class BadQueryPackage {

	/**
	 * The model.
	 *
	 * @param id the id
	 * @param name the name
	 * @param role the role
	 */
	@ApiModel(endpoint = "/things/")
	public record Thing(Long id, String name, String role) {
	}

}
