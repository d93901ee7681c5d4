import { CircleCheck } from 'lucide-react';
import type { ReactNode } from 'react';
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
} from '../../components/ui/card';
import { cn } from '../../lib/utils';

/** One numbered step of the first run, ticked once done. */
export function StepCard(props: {
  step: number;
  title: string;
  description: ReactNode;
  done: boolean;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card data-testid={props.testId} data-done={props.done ? 'true' : 'false'}>
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <span
            className={cn(
              'flex size-5 items-center justify-center rounded-full border text-[11px]',
              props.done && 'border-success text-success',
            )}
          >
            {props.done ? <CircleCheck className="size-4" /> : props.step}
          </span>
          {props.title}
        </CardTitle>
        <CardDescription>{props.description}</CardDescription>
      </CardHeader>
      <CardContent>{props.children}</CardContent>
    </Card>
  );
}
