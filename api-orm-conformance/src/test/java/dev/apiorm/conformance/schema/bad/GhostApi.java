package dev.apiorm.conformance.schema.bad;

import dev.apiorm.ApiRepository;

/**
 * The repository that brings {@link Ghost} into the context.
 */
public interface GhostApi extends ApiRepository<Ghost> {

}
