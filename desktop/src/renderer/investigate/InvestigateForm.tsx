import { ManualInvestigationInput, type Severity } from '@opsworker/shared';
import { type FormEvent, useState } from 'react';
import { navigate, routePath } from '../app/router.ts';
import { apiFieldErrors, type FieldErrors, zodFieldErrors } from '../common/field-errors.ts';
import { KIND_OPTIONS, SEVERITY_OPTIONS } from '../common/options.ts';
import { useSession } from '../connection/ConnectionContext.tsx';

const FIELDS = ['scope.cluster', 'scope.namespace', 'scope.kind', 'scope.name', 'question', 'severity'];

/** Start an investigation by hand: what to look at, and optionally what you want to know. */
export function InvestigateForm() {
  const { api } = useSession();
  const [form, setForm] = useState({
    cluster: '',
    namespace: '',
    kind: 'deployments',
    name: '',
    question: '',
    severity: 'warning' as Severity,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (event: { target: { value: string } }) => setForm({ ...form, [name]: event.target.value }),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = {
      scope: {
        ...(form.cluster.trim() ? { cluster: form.cluster.trim() } : {}),
        ...(form.namespace.trim() ? { namespace: form.namespace.trim() } : {}),
        kind: form.kind,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
      },
      ...(form.question.trim() ? { question: form.question.trim() } : {}),
      severity: form.severity,
    };
    const parsed = ManualInvestigationInput.safeParse(input);
    if (!parsed.success) {
      const found = zodFieldErrors(parsed.error);
      // The scope's own rule ("needs at least kind and name") belongs next to the name.
      if (found.scope) found['scope.name'] ??= `Name the object: ${found.scope}`;
      setErrors(found);
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const started = await api.createInvestigation(parsed.data);
      navigate(routePath({ page: 'investigations', id: started.id }));
    } catch (failure) {
      setErrors(apiFieldErrors(failure, FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const error = (name: string) =>
    errors[name] ? (
      <span className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  return (
    <form className="page form" onSubmit={submit} noValidate>
      <h1>Investigate</h1>
      <p className="muted">
        OpsWorker reads the cluster (read-only) and reports the root cause with evidence.
      </p>
      {error('form')}
      <div className="form-grid">
        <label>
          Cluster <span className="muted">(optional)</span>
          <input {...field('cluster')} placeholder="prod-eu-1" />
          {error('scope.cluster')}
        </label>
        <label>
          Namespace
          <input {...field('namespace')} placeholder="shop" />
          {error('scope.namespace')}
        </label>
        <label>
          Kind
          <select {...field('kind')}>
            {KIND_OPTIONS.map((kind) => (
              <option key={kind} value={kind}>
                {kind}
              </option>
            ))}
          </select>
          {error('scope.kind')}
        </label>
        <label>
          Name
          <input {...field('name')} placeholder="checkout" />
          {error('scope.name')}
        </label>
        <label>
          Severity
          <select {...field('severity')}>
            {SEVERITY_OPTIONS.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
          {error('severity')}
        </label>
      </div>
      <label>
        Question <span className="muted">(optional)</span>
        <textarea {...field('question')} rows={3} placeholder="Why is checkout returning 502s since 14:00?" />
        {error('question')}
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start investigation'}
      </button>
    </form>
  );
}
