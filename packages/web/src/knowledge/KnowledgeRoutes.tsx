import { Route, Routes } from 'react-router';
import { NotFound } from '../components/NotFound';
import { KnowledgePage } from './KnowledgePage';
import { ArticleEditorPage } from './ArticleEditorPage';

/** `/knowledge`: the tree and lists, and `/knowledge/articles/…`: one article (new, edit or read). */
export function KnowledgeRoutes() {
  return (
    <Routes>
      <Route index element={<KnowledgePage />} />
      <Route path="articles/new" element={<ArticleEditorPage />} />
      <Route path="articles/:articleId" element={<ArticleEditorPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
