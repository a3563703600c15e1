package com.wedsync.perf.service.auth;

import com.wedsync.perf.service.api.ApiException;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place a service decides who may call an endpoint: the endpoint's {@link Access} (or {@link Public}) says
 * which credentials it admits; this filter reads the bearer token, finds whose it is, refuses what the endpoint does
 * not admit and hands the {@link Caller} to the endpoint. It runs after matching and before the body is read, so an
 * anonymous caller cannot make a service read a large body. An endpoint with no rule is refused to everybody.
 */
public class CallerFilter {

    private final Instance<CredentialResolver> resolvers;
    private final CurrentCaller current;

    public CallerFilter(Instance<CredentialResolver> resolvers, CurrentCaller current) {
        this.resolvers = resolvers;
        this.current = current;
    }

    @ServerRequestFilter
    public void authorize(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        java.lang.reflect.AnnotatedElement ruled = method.isAnnotationPresent(Access.class)
                || method.isAnnotationPresent(Public.class) ? method : method.getDeclaringClass();
        if (ruled.isAnnotationPresent(Public.class)) {
            return;
        }
        Access access = Optional.ofNullable(ruled.getAnnotation(Access.class)).orElseThrow(() -> ApiException.forbidden(
                "no_access_rule", "this endpoint admits nobody: it declares no access rule"));
        String authorization = request.getHeaderString("Authorization");
        Caller caller = caller(BearerToken.from(authorization));
        if (!caller.holdsAny(access.value())) {
            throw ApiException.forbidden("insufficient_scope", "this needs " + Arrays.stream(access.value())
                    .map(Grant::description).collect(Collectors.joining(" or ")) + "; the token is " + caller.name());
        }
        current.set(caller, authorization);
    }

    private Caller caller(String token) {
        for (CredentialResolver resolver : resolvers) {
            Optional<Caller> caller = resolver.resolve(token);
            if (caller.isPresent()) {
                return caller.get();
            }
        }
        throw ApiException.unauthorized("the bearer token is not one this service knows");
    }
}
