import { Component, type ReactNode } from 'react';
import { ErrorState } from './ErrorState';

interface State {
  error: Error | null;
}

/** Keeps one broken page from blanking the whole app: shows the error with a retry. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (this.state.error) return <ErrorState error={this.state.error} onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
