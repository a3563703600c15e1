package com.wedsync.perf.service.auth;

import java.util.Optional;

/** Recognises one kind of bearer token (ops, tenant tokens, server keys, project tokens…) and says whose it is. */
public interface CredentialResolver {

    Optional<Caller> resolve(String token);
}
