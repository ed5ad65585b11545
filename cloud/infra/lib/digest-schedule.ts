import { TimeZone } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface DigestScheduleProps {
  digest: IFunction;
  /** HH:MM, in `timeZone`. */
  time: string;
  timeZone: string;
  /** Where an invocation EventBridge could not deliver after its retries is kept. */
  deadLetterQueue: IQueue;
}

/**
 * Invokes the digest function every morning through EventBridge Scheduler, which, unlike a
 * classic EventBridge rule, takes a time zone: "08:00 in Europe/Berlin" stays 08:00 across
 * daylight saving changes.
 */
export class DigestSchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: DigestScheduleProps) {
    super(scope, id);
    const [hour, minute] = props.time.split(':');
    this.schedule = new Schedule(this, 'Schedule', {
      description: `OpsWorker daily digest at ${props.time} ${props.timeZone}`,
      schedule: ScheduleExpression.cron({
        hour: String(Number(hour)),
        minute: String(Number(minute)),
        timeZone: TimeZone.of(props.timeZone),
      }),
      target: new LambdaInvoke(props.digest, { retryAttempts: 3, deadLetterQueue: props.deadLetterQueue }),
    });
  }
}
