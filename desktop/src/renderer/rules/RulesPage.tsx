import { hrefFor, routePath } from '../app/router.ts';
import { EmptyState, ErrorState, Loading } from '../common/States.tsx';
import { useAsync } from '../common/use-async.ts';
import { useSession } from '../connection/ConnectionContext.tsx';
import { RuleEditor } from './RuleEditor.tsx';

/** Rules decide which alerts are investigated, only notified, or ignored; the first match wins. */
export function RulesPage(props: { ruleId: string | undefined }) {
  const { api } = useSession();
  const rules = useAsync(() => api.listRules(), [api, props.ruleId]);
  if (props.ruleId)
    return <RuleEditor key={props.ruleId} ruleId={props.ruleId === 'new' ? undefined : props.ruleId} />;
  return (
    <div className="page">
      <div className="page-header">
        <h1>Rules</h1>
        <a className="button primary" href={hrefFor(routePath({ page: 'rules', ruleId: 'new' }))}>
          New rule
        </a>
      </div>
      <p className="muted">Lower priority runs first; the first rule that matches an alert decides.</p>
      {rules.error ? (
        <ErrorState title="Rules could not be loaded" message={rules.error} onRetry={rules.reload} />
      ) : !rules.data ? (
        <Loading what="rules" />
      ) : rules.data.length === 0 ? (
        <EmptyState title="No rules">Without rules nothing is investigated. Add one.</EmptyState>
      ) : (
        <table className="rules-table">
          <thead>
            <tr>
              <th>Priority</th>
              <th>Name</th>
              <th>Action</th>
              <th>Matches</th>
              <th>State</th>
            </tr>
          </thead>
          <tbody>
            {[...rules.data]
              .sort((a, b) => a.priority - b.priority)
              .map((rule) => (
                <tr key={rule.id}>
                  <td>{rule.priority}</td>
                  <td>
                    <a href={hrefFor(routePath({ page: 'rules', ruleId: rule.id }))}>{rule.name}</a>
                    {rule.description && <div className="muted">{rule.description}</div>}
                  </td>
                  <td>
                    <span className={`badge action-${rule.action}`}>{rule.action}</span>
                  </td>
                  <td className="muted">{describeMatch(rule.match)}</td>
                  <td>{rule.enabled ? 'enabled' : 'disabled'}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function describeMatch(match: Parameters<typeof JSON.stringify>[0]): string {
  const parts = Object.entries(match as Record<string, unknown>)
    .filter(([key]) => key !== 'combine')
    .map(
      ([key, value]) =>
        `${key} ${Array.isArray(value) ? value.map((v) => (typeof v === 'object' ? `${v.name}${v.op}${v.value}` : v)).join(', ') : String(value)}`,
    );
  return parts.length
    ? parts.join((match as { combine: string }).combine === 'or' ? ' or ' : ' and ')
    : 'every alert';
}
