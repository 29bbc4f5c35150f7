package dev.apiorm.conformance.schema.bad;

import dev.apiorm.ApiRepository;

/**
 * The repository that brings {@link MisdeclaredMember} into the context.
 */
public interface MisdeclaredMemberApi extends ApiRepository<MisdeclaredMember> {

}
