import type { PodTemplate } from '../builders/pod-template.ts';

export function webTemplate(app: string, image: string): PodTemplate {
  return {
    labels: { app },
    containers: [
      {
        name: app,
        image,
        ports: [{ containerPort: 8080, name: 'http' }],
        readinessProbe: {
          httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' },
          periodSeconds: 10,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } },
      },
    ],
  };
}
