import { FlaskRound } from 'lucide-react';
import type { ReactNode } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../components/ui/card';

/** The centred card the login and setup pages share. */
export function SignInFrame(props: {
  title: string;
  description: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div
      className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/30 p-6"
      data-testid={props.testId}
    >
      <div className="flex items-center gap-2">
        <FlaskRound className="size-5" />
        <span className="text-base font-semibold tracking-tight">Assay</span>
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle>{props.title}</CardTitle>
          <CardDescription>{props.description}</CardDescription>
        </CardHeader>
        <CardContent>{props.children}</CardContent>
      </Card>
    </div>
  );
}
