"""Admin: categories and tags, and quiz banks with their questions and choices (authored here for now)."""

from django.contrib import admin

from toandan.awareness.models import Category, Choice, Question, QuizBank, Tag


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "position")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 2


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ("text", "bank", "kind", "difficulty")
    list_filter = ("bank", "kind")
    inlines = [ChoiceInline]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    show_change_link = True


@admin.register(QuizBank)
class QuizBankAdmin(admin.ModelAdmin):
    list_display = ("title", "topic", "unit", "is_published")
    prepopulated_fields = {"slug": ("title",)}
    inlines = [QuestionInline]
