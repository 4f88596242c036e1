package dev.policygen.format;

import dev.policygen.generate.NamedDocument;
import dev.policygen.identity.Identity;
import dev.policygen.identity.TrustPolicy;
import dev.policygen.model.PolicyWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Roles in a CloudFormation template: an {@code AWS::IAM::Role} with its {@code AssumeRolePolicyDocument},
 * its permissions as {@code AWS::IAM::ManagedPolicy} resources named in {@code ManagedPolicyArns} (or, for
 * the role-inline quota, as {@code Policies}) and, for EC2, an {@code AWS::IAM::InstanceProfile}. Scalars
 * are double-quoted JSON strings, as in {@link CloudFormationWriter}.
 */
final class RoleCloudFormationWriter {
    private RoleCloudFormationWriter() {
    }

    /**
     * One template per account: the roles of the client's account, then each role of another account in
     * its own template (CloudFormation stacks live in one account), which starts with {@code ---}.
     */
    static List<RenderedFile> templates(List<RoleDocuments> roles, String description, boolean inline) {
        List<RoleDocuments> own = new ArrayList<>();
        List<RenderedFile> files = new ArrayList<>();
        for (RoleDocuments role : roles) {
            if (role.otherAccount().isEmpty()) {
                own.add(role);
            }
        }
        files.add(new RenderedFile("", write(own, description, inline)));
        for (RoleDocuments role : roles) {
            if (role.otherAccount().isPresent()) {
                RoleDocuments.OtherAccount other = role.otherAccount().get();
                // IAM refuses a trust policy naming a role that does not exist yet, hence the order
                files.add(new RenderedFile(other.templateSuffix(), "---\n# Deploy in account " + other.account()
                        + ", after the stack that creates " + other.trustedRoleArn() + ".\n"
                        + write(List.of(role), description + " (DNS account " + other.account() + ")", inline)));
            }
        }
        return files;
    }

    static String write(List<RoleDocuments> roles, String description, boolean inline) {
        StringBuilder out = new StringBuilder();
        out.append("AWSTemplateFormatVersion: \"2010-09-09\"\n");
        out.append("Description: ").append(q(description)).append('\n');
        out.append("Resources:\n");
        for (RoleDocuments role : roles) {
            if (!inline) {
                String managed = CloudFormationWriter.write(role.permissions(), description);
                out.append(managed, managed.indexOf("Resources:\n") + "Resources:\n".length(), managed.length());
            }
            role(out, role, description, inline);
        }
        return out.toString();
    }

    private static void role(StringBuilder out, RoleDocuments role, String description, boolean inline) {
        Identity identity = role.identity();
        String roleId = CloudFormationWriter.logicalId(identity.roleName(), "Role");
        out.append("  ").append(roleId).append(":\n");
        out.append("    Type: \"AWS::IAM::Role\"\n");
        out.append("    Properties:\n");
        out.append("      RoleName: ").append(q(identity.roleName())).append('\n');
        out.append("      Description: ").append(q(description + " (runs on " + identity.runtime() + ")")).append('\n');
        out.append("      AssumeRolePolicyDocument:\n");
        out.append("        Version: ").append(q(TrustPolicy.VERSION)).append('\n');
        out.append("        Statement:\n");
        for (TrustPolicy.Statement s : identity.trust().statements()) {
            out.append("          - Sid: ").append(q(s.sid())).append('\n');
            String rest = "            ";
            out.append(rest).append("Effect: \"Allow\"\n");
            out.append(rest).append("Principal:\n");
            list(out, rest + "  ", q(s.principalType()), s.principals());
            list(out, rest, "Action", s.actions());
            if (!s.conditions().isEmpty()) {
                out.append(rest).append("Condition:\n");
                String operator = null;
                for (TrustPolicy.Condition c : s.conditions()) {
                    if (!c.operator().equals(operator)) {
                        operator = c.operator();
                        out.append(rest).append("  ").append(q(operator)).append(":\n");
                    }
                    list(out, rest + "    ", q(c.key()), List.of(c.value()));
                }
            }
        }
        if (inline) {
            out.append("      Policies:\n");
            for (NamedDocument document : role.permissions()) {
                out.append("        - PolicyName: ").append(q(document.name())).append('\n');
                out.append("          PolicyDocument:\n");
                CloudFormationWriter.policyDocument(out, "            ", PolicyWriter.canonical(document.document()));
            }
        } else {
            out.append("      ManagedPolicyArns:\n");
            for (NamedDocument document : role.permissions()) {
                out.append("        - Ref: ").append(q(CloudFormationWriter.logicalId(document.name()))).append('\n');
            }
        }
        if (identity.instanceProfile()) {
            out.append("  ").append(CloudFormationWriter.logicalId(identity.roleName(), "InstanceProfile")).append(":\n");
            out.append("    Type: \"AWS::IAM::InstanceProfile\"\n");
            out.append("    Properties:\n");
            out.append("      InstanceProfileName: ").append(q(identity.roleName())).append('\n');
            out.append("      Roles:\n");
            out.append("        - Ref: ").append(q(roleId)).append('\n');
        }
    }

    private static void list(StringBuilder out, String indent, String key, List<String> values) {
        out.append(indent).append(key).append(":\n");
        for (String value : values) {
            out.append(indent).append("  - ").append(q(value)).append('\n');
        }
    }

    private static String q(String text) {
        return CloudFormationWriter.q(text);
    }
}
