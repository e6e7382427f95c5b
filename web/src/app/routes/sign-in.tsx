import { SignInFlow } from '../../features/auth/components/sign-in-flow.tsx';

export { SignInFlow as Component };
