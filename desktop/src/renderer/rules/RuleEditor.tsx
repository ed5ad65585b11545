import { ALERT_SOURCES, type RulePreviewResult } from '@opsworker/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { navigate, routePath } from '../app/router.ts';
import { errorMessage } from '../common/error-message.ts';
import { apiFieldErrors, type FieldErrors } from '../common/field-errors.ts';
import { SEVERITY_OPTIONS } from '../common/options.ts';
import { ErrorState, Loading } from '../common/States.tsx';
import { useSession } from '../connection/ConnectionContext.tsx';
import { RulePreview } from './RulePreview.tsx';
import { RULE_FIELDS, type RuleForm, ruleToForm, validateRuleForm } from './rule-form-model.ts';

/** Create or edit a rule: checked as you save, errors at the field, and a preview of what it matches. */
export function RuleEditor(props: { ruleId: string | undefined }) {
  const { api } = useSession();
  const [form, setForm] = useState<RuleForm | undefined>(props.ruleId ? undefined : ruleToForm());
  const [loadError, setLoadError] = useState<string>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<RulePreviewResult>();

  useEffect(() => {
    if (!props.ruleId) return;
    api.getRule(props.ruleId).then(
      (rule) => setForm(ruleToForm(rule)),
      (failure: unknown) => setLoadError(errorMessage(failure)),
    );
  }, [api, props.ruleId]);

  if (loadError) return <ErrorState title="This rule could not be loaded" message={loadError} />;
  if (!form) return <Loading what="the rule" />;

  const change = (patch: Partial<RuleForm>) => setForm({ ...form, ...patch });
  const text = (name: keyof RuleForm) => ({
    value: form[name] as string,
    onChange: (event: { target: { value: string } }) => change({ [name]: event.target.value }),
  });
  const error = (name: string) =>
    errors[name] ? (
      <span className="field-error" role="alert">
        {errors[name]}
      </span>
    ) : null;

  const checked = () => {
    const result = validateRuleForm(form);
    if ('errors' in result) {
      setErrors(result.errors);
      return undefined;
    }
    setErrors({});
    return result.input;
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const input = checked();
    if (!input) return;
    setBusy(true);
    try {
      if (props.ruleId) await api.updateRule(props.ruleId, input);
      else await api.createRule(input);
      navigate(routePath({ page: 'rules' }));
    } catch (failure) {
      setErrors(apiFieldErrors(failure, RULE_FIELDS));
    } finally {
      setBusy(false);
    }
  };

  const runPreview = async () => {
    const input = checked();
    if (!input) return;
    try {
      setPreview(await api.previewRule(input));
    } catch (failure) {
      setErrors(apiFieldErrors(failure, RULE_FIELDS));
    }
  };

  const remove = async () => {
    if (!props.ruleId || !window.confirm(`Delete the rule “${form.name}”?`)) return;
    try {
      await api.deleteRule(props.ruleId);
      navigate(routePath({ page: 'rules' }));
    } catch (failure) {
      setErrors({ form: errorMessage(failure) });
    }
  };

  return (
    <form className="page form" onSubmit={save} noValidate aria-label="Rule">
      <h1>{props.ruleId ? `Edit rule` : 'New rule'}</h1>
      {error('form')}
      <div className="form-grid">
        <label>
          Name
          <input {...text('name')} />
          {error('name')}
        </label>
        <label>
          Action
          <select {...text('action')}>
            <option value="investigate">investigate</option>
            <option value="notify">notify only</option>
            <option value="ignore">ignore</option>
          </select>
          {error('action')}
        </label>
        <label>
          Priority
          <input {...text('priority')} inputMode="numeric" />
          {error('priority')}
        </label>
        <label>
          Cooldown (minutes)
          <input {...text('cooldownMinutes')} inputMode="numeric" />
          {error('cooldownMinutes')}
        </label>
      </div>
      <label>
        Description
        <input {...text('description')} />
        {error('description')}
      </label>
      <fieldset>
        <legend>Matches alerts where</legend>
        <div className="form-grid">
          <label>
            Conditions
            <select {...text('combine')}>
              <option value="and">all hold</option>
              <option value="or">any holds</option>
            </select>
          </label>
          <label>
            Alert name (regex)
            <input {...text('alertName')} placeholder="KubePod.*" />
            {error('match.alertName')}
          </label>
          <label>
            Minimum severity
            <select {...text('minSeverity')}>
              <option value="">any</option>
              {SEVERITY_OPTIONS.map((severity) => (
                <option key={severity} value={severity}>
                  {severity}
                </option>
              ))}
            </select>
            {error('match.minSeverity')}
          </label>
          <label>
            Namespace (regex)
            <input {...text('namespace')} placeholder="shop|payments" />
            {error('match.namespace')}
          </label>
          <label>
            Clusters (comma separated)
            <input {...text('clusters')} />
            {error('match.clusters')}
          </label>
          <label>
            Alert status
            <select {...text('status')}>
              <option value="firing">firing only</option>
              <option value="any">firing or resolved</option>
            </select>
          </label>
        </div>
        <fieldset className="checkboxes">
          <legend>Sources</legend>
          {ALERT_SOURCES.map((source) => (
            <label key={source} className="inline">
              <input
                type="checkbox"
                checked={form.sources.includes(source)}
                onChange={(event) =>
                  change({
                    sources: event.target.checked
                      ? [...form.sources, source]
                      : form.sources.filter((s) => s !== source),
                  })
                }
              />
              {source}
            </label>
          ))}
          {error('match.sources')}
        </fieldset>
        <label>
          Labels (one per line: <code>team=payments</code>, <code>env!=dev</code>, <code>pod=~web-.*</code>)
          <textarea {...text('labels')} rows={3} />
          {error('match.labels')}
        </label>
      </fieldset>
      <div className="form-grid">
        <label>
          Active
          <select {...text('activeDuring')}>
            <option value="always">always</option>
            <option value="business_hours">in business hours</option>
            <option value="outside_business_hours">outside business hours</option>
          </select>
          {error('activeDuring')}
        </label>
        <label>
          Slack channel
          <input {...text('slackChannel')} placeholder="#oncall" />
          {error('slackChannel')}
        </label>
        <label className="inline">
          <input
            type="checkbox"
            checked={form.enabled}
            onChange={(event) => change({ enabled: event.target.checked })}
          />
          Enabled
        </label>
      </div>
      <div className="form-buttons">
        <button type="submit" className="primary" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={() => void runPreview()}>
          Preview matches
        </button>
        <a className="button" href="#/rules">
          Cancel
        </a>
        {props.ruleId && (
          <button type="button" className="danger" onClick={() => void remove()}>
            Delete
          </button>
        )}
      </div>
      {preview && <RulePreview preview={preview} />}
    </form>
  );
}
