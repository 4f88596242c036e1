package dev.policygen.sandbox;

import dev.policygen.InputException;
import dev.policygen.sandbox.sts.RoleDeclaration;
import dev.policygen.sandbox.sts.SandboxAccounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@link SandboxBuilder} collected about accounts: the SCP files of each account, the roles STS
 * can hand out, the zones that belong to an account other than the default one (by normalized name),
 * and the OIDC issuer's host and accepted audiences.
 */
record IdentitySettings(Map<String, List<Path>> scps, List<RoleDeclaration> roles, Map<String, String> zoneAccounts,
        String oidcHost, List<String> oidcAudiences) {

    IdentitySettings {
        scps = Map.copyOf(scps);
        roles = List.copyOf(roles);
        zoneAccounts = Map.copyOf(zoneAccounts);
        oidcAudiences = List.copyOf(oidcAudiences);
    }

    SandboxAccounts load(String defaultAccount) throws InputException {
        return SandboxAccounts.load(defaultAccount, scps, roles, zoneAccounts);
    }
}
