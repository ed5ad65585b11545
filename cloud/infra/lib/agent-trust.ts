import {
  AccountRootPrincipal,
  ArnPrincipal,
  type IPrincipal,
  OpenIdConnectPrincipal,
  OpenIdConnectProvider,
} from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import type { AgentTrustConfig } from './infra-config.ts';

/**
 * Who may assume a cluster's agent role. IRSA trusts exactly one service account of one EKS
 * cluster's OIDC provider; a principal ARN trusts one role or user (an agent outside EKS).
 * Without either, only this account's administrators can assume it (until trust is configured).
 */
export function agentPrincipal(
  scope: Construct,
  id: string,
  trust: AgentTrustConfig | undefined,
): IPrincipal {
  if (!trust) return new AccountRootPrincipal();
  if ('principalArn' in trust) return new ArnPrincipal(trust.principalArn);
  const provider = OpenIdConnectProvider.fromOpenIdConnectProviderArn(scope, id, trust.oidcProviderArn);
  // The provider ARN ends with its issuer (oidc.eks.<region>.amazonaws.com/id/<ID>): the claim keys' prefix.
  const issuer = trust.oidcProviderArn.slice(
    trust.oidcProviderArn.indexOf(':oidc-provider/') + ':oidc-provider/'.length,
  );
  return new OpenIdConnectPrincipal(provider, {
    StringEquals: {
      [`${issuer}:sub`]: `system:serviceaccount:${trust.namespace}:${trust.serviceAccount}`,
      [`${issuer}:aud`]: 'sts.amazonaws.com',
    },
  });
}

/** The namespace the Helm release goes to: the one IRSA trusts, or the chart's usual one. */
export const agentNamespace = (trust: AgentTrustConfig | undefined) =>
  trust && 'namespace' in trust ? trust.namespace : 'opsworker';
