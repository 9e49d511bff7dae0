import { Route, Routes } from 'react-router';
import { NotFound } from '../components/NotFound';
import { DashboardPage } from './DashboardPage';
import { SurveyReportPage } from '../surveys/SurveyReportPage';
import { StaffingPage } from '../staffing/StaffingPage';
import { AgentReportPage } from '../agent-report/AgentReportPage';

/**
 * The reports area under `/reports`: the KPI dashboard is its landing page and links to the
 * other report pages (surveys, agents, staffing), which register their own routes.
 */
export function ReportsRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="surveys" element={<SurveyReportPage />} />
      <Route path="staffing" element={<StaffingPage />} />
      <Route path="agents" element={<AgentReportPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
