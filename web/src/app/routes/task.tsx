import { useParams } from 'react-router';
import { TaskPage } from '../../features/tasks/components/task-page.tsx';

export function Component() {
  const { taskId = '' } = useParams();
  return <TaskPage key={taskId} taskId={taskId} />;
}
