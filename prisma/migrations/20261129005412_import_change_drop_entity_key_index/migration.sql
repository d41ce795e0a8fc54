-- DropIndex
DROP INDEX "ImportChange_entity_key_idx";
