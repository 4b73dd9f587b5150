package api.users;

import io.javalin.openapi.OpenApiName;

/** The login answer, as OAuth2's password flow expects it. */
public record Token(@OpenApiName("access_token") String accessToken, @OpenApiName("token_type") String tokenType) {}
