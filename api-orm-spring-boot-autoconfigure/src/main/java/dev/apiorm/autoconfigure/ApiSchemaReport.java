package dev.apiorm.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;

import dev.apiorm.autoconfigure.SchemaProperties.Check;
import dev.apiorm.core.ApiTemplates;
import dev.apiorm.core.mapping.ApiMappingContext;
import dev.apiorm.core.mapping.ApiPersistentEntity;
import dev.apiorm.exception.ConfigurationException;
import dev.apiorm.schema.SchemaCheck;

/**
 * Once every repository exists, checks each model against its client's OpenAPI document
 * and reports every problem found (models and derived queries) together: one start-up
 * failure listing them, or one warning each.
 */
final class ApiSchemaReport implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(ApiSchemaReport.class);

	private final ApiTemplates templates;

	private final ApiMappingContext mappingContext;

	private final ApiSchemas schemas;

	ApiSchemaReport(ApiTemplates templates, ApiMappingContext mappingContext, ApiSchemas schemas) {
		this.templates = templates;
		this.mappingContext = mappingContext;
		this.schemas = schemas;
	}

	@Override
	public void afterSingletonsInstantiated() {
		List<String> failures = new ArrayList<>();
		for (String client : this.schemas.schemas().keySet()) {
			SchemaCheck check = this.templates.getReactive(client).getSchemaCheck().orElse(null);
			if (check == null) {
				continue;
			}
			for (ApiPersistentEntity<?> entity : this.mappingContext.getPersistentEntities()) {
				if (entity.getClientName().equals(client)) {
					check.checkModel(entity);
				}
			}
			for (String problem : check.problems()) {
				if (this.schemas.check(client) == Check.FAIL) {
					failures.add(problem);
				}
				else {
					logger.warn("api-orm client '" + client + "' against its OpenAPI document: " + problem);
				}
			}
		}
		if (!failures.isEmpty()) {
			throw new ConfigurationException("The models and derived queries do not match the API's OpenAPI document"
					+ " (api-orm.schema.check=fail):\n  - " + String.join("\n  - ", failures));
		}
	}

}
